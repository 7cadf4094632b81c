class ContentError(ValueError):
    """A content file is broken: names the file, the entry and what is wrong."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        super().__init__(f"{file}: entry {entry!r}: {problem}")
        self.file = file
        self.entry = entry
        self.problem = problem

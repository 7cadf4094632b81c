"""Domain → DTO: the only place that shapes what crosses the port, one module per feature."""

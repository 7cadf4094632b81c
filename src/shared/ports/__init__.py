"""Ports every package may depend on; their adapters are chosen by the composition root."""

from shared.ports.clock import Clock, SystemClock
from shared.ports.delivery_ledger import DeliveryLedger, DeliveryState
from shared.ports.event_bus import EventBus, EventHandler

__all__ = ["Clock", "DeliveryLedger", "DeliveryState", "EventBus", "EventHandler", "SystemClock"]

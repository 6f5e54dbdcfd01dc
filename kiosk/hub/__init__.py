"""The office hub: one PC owns the queue store and serves `QueueService` over the office LAN
(kiosk.hub.server); stations on other PCs use `kiosk.hub.client.HubQueue`, which implements the
same Protocol over HTTP. No Qt here (import-linter)."""

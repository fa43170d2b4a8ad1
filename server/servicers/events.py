"""rewards.events.v1.EventService and WebhookService: proto <-> command translation around
core.service.events_outbox."""

from __future__ import annotations

import json

from google.protobuf import struct_pb2
from google.protobuf.json_format import ParseDict
from rewards.events.v1 import event_service_pb2 as events_api
from rewards.events.v1 import event_service_pb2_grpc
from rewards.events.v1 import resources_pb2 as resources
from rewards.events.v1 import webhook_service_pb2 as webhooks_api
from rewards.events.v1 import webhook_service_pb2_grpc

from core.service.events_outbox import (CreateWebhook, EventQuery, Events, EventView, RetryEvent, UpdateWebhook,
                                        Webhook, WebhookCommand)
from server.context import current_caller
from server.convert import timestamp

_STATES = {resources.EVENT_STATE_PENDING: "pending", resources.EVENT_STATE_DELIVERED: "delivered",
           resources.EVENT_STATE_FAILED: "failed"}
_STATE_OF = {name: value for value, name in _STATES.items()}


def webhook_to_proto(webhook: Webhook) -> resources.Webhook:
    return resources.Webhook(webhook_id=webhook.webhook_id, url=webhook.url, event_types=list(webhook.event_types),
                             create_time=timestamp(webhook.create_time), update_time=timestamp(webhook.update_time))


def event_to_proto(event: EventView) -> resources.Event:
    payload = struct_pb2.Struct()
    ParseDict(json.loads(json.dumps(event.payload, default=str)), payload)
    return resources.Event(event_id=event.event_id, type=event.type, aggregate_type=event.aggregate_type,
                           aggregate_id=event.aggregate_id, occur_time=timestamp(event.occurred_at), payload=payload,
                           state=_STATE_OF[event.state], attempt_count=event.attempt_count, last_error=event.last_error)


class EventServicer(event_service_pb2_grpc.EventServiceServicer):
    def __init__(self, events: Events) -> None:
        self._events = events

    async def ListEvents(self, request: events_api.ListEventsRequest, context) -> events_api.ListEventsResponse:
        state = _STATES.get(request.state, "" if request.state == 0 else "?")
        page, token = await self._events.list_events(
            EventQuery(state, request.type, request.page_size, request.page_token), current_caller())
        return events_api.ListEventsResponse(events=[event_to_proto(e) for e in page], next_page_token=token)

    async def RetryEvent(self, request: events_api.RetryEventRequest, context) -> events_api.RetryEventResponse:
        event = await self._events.retry_event(RetryEvent(request.request_id, request.event_id), current_caller())
        return events_api.RetryEventResponse(event=event_to_proto(event))


class WebhookServicer(webhook_service_pb2_grpc.WebhookServiceServicer):
    def __init__(self, events: Events) -> None:
        self._events = events

    async def CreateWebhook(self, request: webhooks_api.CreateWebhookRequest, context
                            ) -> webhooks_api.CreateWebhookResponse:
        created = await self._events.create_webhook(CreateWebhook(
            request.request_id, request.webhook.url, tuple(request.webhook.event_types)), current_caller())
        return webhooks_api.CreateWebhookResponse(webhook=webhook_to_proto(created.webhook),
                                                  secret=self._events.open_secret(created))

    async def UpdateWebhook(self, request: webhooks_api.UpdateWebhookRequest, context
                            ) -> webhooks_api.UpdateWebhookResponse:
        updated = await self._events.update_webhook(UpdateWebhook(
            request.request_id, request.webhook_id, request.url, tuple(request.event_types)), current_caller())
        return webhooks_api.UpdateWebhookResponse(webhook=webhook_to_proto(updated))

    async def DeleteWebhook(self, request: webhooks_api.DeleteWebhookRequest, context
                            ) -> webhooks_api.DeleteWebhookResponse:
        await self._events.delete_webhook(WebhookCommand(request.request_id, request.webhook_id), current_caller())
        return webhooks_api.DeleteWebhookResponse()

    async def ListWebhooks(self, request: webhooks_api.ListWebhooksRequest, context
                           ) -> webhooks_api.ListWebhooksResponse:
        found = await self._events.list_webhooks(current_caller())
        return webhooks_api.ListWebhooksResponse(webhooks=[webhook_to_proto(w) for w in found])

    async def RotateWebhookSecret(self, request: webhooks_api.RotateWebhookSecretRequest, context
                                  ) -> webhooks_api.RotateWebhookSecretResponse:
        rotated = await self._events.rotate_secret(WebhookCommand(request.request_id, request.webhook_id),
                                                   current_caller())
        return webhooks_api.RotateWebhookSecretResponse(webhook=webhook_to_proto(rotated.webhook),
                                                        secret=self._events.open_secret(rotated))

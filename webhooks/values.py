"""What a webhook says: the body of one event, a value like every other output's."""

from pydantic import Field

from content.values import URL, Value


class ChangedObjectValue(Value):
    model: str = Field(description="Model label, e.g. `topics.topicpage`.")
    id: int | str
    title: str


class WebhookEventValue(Value):
    """One change, as POSTed to every endpoint that wants its event (see the README)."""

    id: str = Field(description="The event's id, also sent as `X-Webhook-Id`.")
    event: str = Field(description="E.g. `page.published`.")
    occurred_at: str = Field(description="ISO 8601 time of the change.")
    object: ChangedObjectValue
    paths: list[str] = Field(description="HTML paths whose output changed or went away.")
    api_urls: list[URL] = Field(description="API URLs that answer differently now.")

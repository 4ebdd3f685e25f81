"""The body of a topic page: the shared vocabulary plus contact persons and publications."""

from delivery.blocks import BaseStreamBlock, CallToActionBlock, DeliveredStreamBlock, LinkListBlock
from documents.blocks import PublicationsBlock
from people.blocks import ContactPersonsBlock


class TopicBodyBlock(BaseStreamBlock):
    contact_persons = ContactPersonsBlock()
    publications = PublicationsBlock()


class FurtherInformationBlock(DeliveredStreamBlock):
    """The "Mehr Informationen" area at the end of a topic page."""

    call_to_action = CallToActionBlock()
    link_list = LinkListBlock()
    publications = PublicationsBlock()

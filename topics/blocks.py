"""The body of a topic page: the shared vocabulary plus contact persons and publications."""

from blocks.base import ResolvedStreamBlock
from blocks.shared import BaseStreamBlock, CallToActionBlock, LinkListBlock
from documents.blocks import PublicationsBlock
from people.blocks import ContactPersonsBlock


class TopicBodyBlock(BaseStreamBlock):
    contact_persons = ContactPersonsBlock()
    publications = PublicationsBlock()


class FurtherInformationBlock(ResolvedStreamBlock):
    """The "Mehr Informationen" area at the end of a topic page."""

    call_to_action = CallToActionBlock()
    link_list = LinkListBlock()
    publications = PublicationsBlock()

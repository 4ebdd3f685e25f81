// Borrowed: see cms/borrowed.py (wagtail LinkElementHandler: the chooser source below).
// The Draftail entity "Wort erklären": marks a word as a glossary term chosen with Wagtail's
// snippet chooser. Stored as <a linktype="glossary" id="…"> (easyread/richtext.py).
(() => {
  const React = window.React;
  const draftail = window.draftail;
  if (!React || !draftail || draftail.glossaryRegistered) {
    return;
  }
  draftail.glossaryRegistered = true;

  class GlossaryModalWorkflowSource extends draftail.DocumentModalWorkflowSource {
    getChooserConfig() {
      const { glossaryChooser } = { ...this.props.entityType?.chooserUrls };
      return {
        url: glossaryChooser,
        urlParams: {},
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: { chosen: this.onChosen },
      };
    }

    filterEntityData(data) {
      return { id: Number(data.id), term: data.title || '' };
    }
  }

  const GlossaryTerm = (props) => {
    const { entityKey, contentState } = props;
    const data = contentState.getEntity(entityKey).getData();
    return React.createElement(draftail.TooltipEntity, {
      ...props,
      icon: 'help',
      label: data.term ? `Wörterbuch: ${data.term}` : 'Wörterbuch-Eintrag fehlt',
      url: null,
    });
  };

  draftail.registerPlugin(
    { type: 'GLOSSARY', source: GlossaryModalWorkflowSource, decorator: GlossaryTerm },
    'entityTypes',
  );
})();

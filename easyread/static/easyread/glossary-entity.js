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

  // The language of the content being edited, as Wagtail's own choosers read it
  // (ChooserModal.getURLParams: ``locale`` from the admin's config).
  const activeLocale = () => {
    try {
      const config =
        window.wagtailConfig ||
        JSON.parse(document.getElementById('wagtail-config')?.textContent || '{}');
      return config.ACTIVE_CONTENT_LOCALE || null;
    } catch (error) {
      return null;
    }
  };

  class GlossaryModalWorkflowSource extends draftail.DocumentModalWorkflowSource {
    getChooserConfig() {
      const { glossaryChooser } = { ...this.props.entityType?.chooserUrls };
      const locale = activeLocale();
      return {
        url: glossaryChooser,
        // The chooser lists the terms of the page's language (its language filter preset; the
        // editor may pick another there).
        urlParams: locale ? { locale } : {},
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

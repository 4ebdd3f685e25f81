/**
 * Renders a page's detail to static HTML from the API alone: `switch (page.type)` and
 * `switch (block.type)` narrow the generated unions; no type guard is written by hand.
 * Rich text (`text` fields) is HTML the CMS has already sanitised; everything else is escaped.
 */
import type { PageDetail, Schemas } from "./client.js";

type TopicPage = Schemas["TopicPageSchema"];
type Image = Schemas["ImageValue"];
type TopicBlock = Schemas["TopicBodyBlockItem"];
type FurtherBlock = Schemas["FurtherInformationBlockItem"];
type BaseBlock = Schemas["BaseStreamBlockItem"];

export function escape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** An image with `srcset` from its renditions; the focal point, as a percentage of the
 * original, becomes `object-position`, so a frontend's own crops (`object-fit: cover`) keep
 * the subject. */
export function image(value: Image, sizes: string): string {
  const smallest = value.renditions[0];
  if (smallest === undefined) {
    return "";
  }
  const srcset = value.renditions.map((r) => `${r.url} ${r.width}w`).join(", ");
  const focal = value.focal_point;
  const position = focal
    ? ` style="object-fit: cover; object-position: ${((focal.x / value.width) * 100).toFixed(1)}% ${((focal.y / value.height) * 100).toFixed(1)}%"` +
      ` data-focal-point="${focal.x},${focal.y},${focal.width},${focal.height}"`
    : "";
  return (
    `<img src="${escape(smallest.url)}" srcset="${escape(srcset)}" sizes="${escape(sizes)}"` +
    ` width="${smallest.width}" height="${smallest.height}" alt="${escape(value.alt)}"${position}>`
  );
}

function link(value: Schemas["LinkValue"]): string {
  return `<a href="${escape(value.url)}">${escape(value.label)}</a>`;
}

function person(value: Schemas["ContactPersonValue"]): string {
  const photo = value.photo ? image(value.photo, "5rem") : "";
  const email = value.email
    ? `<p><a href="mailto:${escape(value.email)}">${escape(value.email)}</a></p>`
    : "";
  const phone = value.phone ? `<p>${escape(value.phone)}</p>` : "";
  return (
    `<li class="person" data-id="${value.id}">${photo}<h3 class="person__name">${escape(value.name)}</h3>` +
    `<p class="person__role">${escape(value.role)}</p>${email}${phone}</li>`
  );
}

function publication(value: Schemas["PublicationValue"]): string {
  const cover = value.cover ? image(value.cover, "10rem") : "";
  const date = value.date ? `, <time datetime="${escape(value.date)}">${escape(value.date)}</time>` : "";
  return (
    `<li class="publication" data-id="${value.id}">${cover}` +
    `<h3 class="publication__title"><a href="${escape(value.download_url)}">${escape(value.title)}</a></h3>` +
    `<p>${escape(value.type_label)}${date}</p><p>${escape(value.description)}</p></li>`
  );
}

function block(item: TopicBlock | FurtherBlock | BaseBlock): string {
  switch (item.type) {
    case "section":
      return (
        `<section class="section"><h2 id="${escape(item.value.anchor)}">${escape(item.value.heading)}</h2>` +
        `${item.value.text}</section>`
      );
    case "text":
      return item.value;
    case "image":
      return `<figure>${image(item.value.image, "(max-width: 50rem) 100vw, 50rem")}<figcaption>${escape(item.value.caption)}</figcaption></figure>`;
    case "quote":
      return `<blockquote><p>${escape(item.value.quote)}</p><footer>${escape(item.value.attribution)}</footer></blockquote>`;
    case "call_to_action":
      return (
        `<section class="cta"><h2>${escape(item.value.heading)}</h2>${item.value.text}` +
        `${item.value.link ? `<p>${link(item.value.link)}</p>` : ""}</section>`
      );
    case "link_list":
      return `<section><h2>${escape(item.value.heading)}</h2><ul>${item.value.links.map((l) => `<li>${link(l)}</li>`).join("")}</ul></section>`;
    case "accordion":
      return `<section><h2>${escape(item.value.heading)}</h2>${item.value.items
        .map((i) => `<details><summary>${escape(i.title)}</summary>${i.text}</details>`)
        .join("")}</section>`;
    case "embed":
      return `<p><a href="${escape(item.value.url)}">${escape(item.value.title || item.value.url)}</a></p>`;
    case "contact_persons":
      return `<section><h2>${escape(item.value.heading)}</h2><ul>${item.value.persons.map(person).join("")}</ul></section>`;
    case "publications":
      return `<section><h2>${escape(item.value.heading)}</h2><ul>${item.value.publications.map(publication).join("")}</ul></section>`;
    case "picture_text":
      return (
        `<div class="picture-text">${image(item.value.image, "10rem")}` +
        `<div>${item.value.text}<p><small>${escape(item.value.credit)}</small></p></div></div>`
      );
    case "sign_language_video": {
      const poster = item.value.poster ? ` poster="${escape(item.value.poster.renditions[0]?.url ?? "")}"` : "";
      return (
        `<figure><video controls preload="none"${poster}><source src="${escape(item.value.video.url)}" ` +
        `type="${escape(item.value.mime_type)}"></video><figcaption>${escape(item.value.title)} ` +
        `(${escape(item.value.duration)}) <a href="${escape(item.value.video.url)}" download>Herunterladen</a>` +
        `</figcaption></figure>`
      );
    }
    default: {
      const unknown: never = item; // a new block type fails the compile here
      return unknown;
    }
  }
}

function topicPage(page: TopicPage): string {
  const hero = page.hero ? image(page.hero, "(max-width: 72rem) 100vw, 72rem") : "";
  const persons = page.contact_persons.length
    ? `<section class="contacts"><h2>Ansprechpersonen</h2><ul>${page.contact_persons.map(person).join("")}</ul></section>`
    : "";
  const publications = page.publications.length
    ? `<section class="publications"><h2>Publikationen zum Thema</h2><ul>${page.publications.map(publication).join("")}</ul>` +
      `${page.more_publications_url ? `<p><a href="${escape(page.more_publications_url)}">Alle Publikationen zum Thema</a></p>` : ""}</section>`
    : "";
  return (
    `${hero}<h1>${escape(page.title)}</h1><p class="intro">${escape(page.intro)}</p>` +
    page.body.map(block).join("") +
    persons +
    page.further_information.map(block).join("") +
    publications
  );
}

function main(page: PageDetail): string {
  switch (page.type) {
    case "topics.TopicPage":
      return topicPage(page);
    case "home.StandardPage":
    case "home.HomePage":
      return `<h1>${escape(page.title)}</h1><p class="intro">${escape(page.intro)}</p>${page.body.map(block).join("")}`;
    case "topics.TopicIndexPage":
      return `<h1>${escape(page.title)}</h1><ul>${page.topics.map((t) => `<li><a href="${escape(t.url)}">${escape(t.title)}</a></li>`).join("")}</ul>`;
    case "documents.PublicationIndexPage":
      return `<h1>${escape(page.title)}</h1><p class="intro">${escape(page.intro)}</p>`;
    case "easyread.GlossaryPage":
      return `<h1>${escape(page.title)}</h1><p class="intro">${escape(page.intro)}</p>`;
    case "wagtailcore.Page":
      return `<h1>${escape(page.title)}</h1>`;
    default: {
      const unknown: never = page; // a new page type fails the compile here
      return unknown;
    }
  }
}

/** The head the site renders for the page (`seo`), where the page type delivers it. */
function head(page: PageDetail): string {
  if (page.type === "wagtailcore.Page") {
    return `<title>${escape(page.title)}</title>`;
  }
  const seo = page.seo;
  const image = seo.image
    ? `<meta property="og:image" content="${escape(seo.image.url)}">` +
      `<meta property="og:image:width" content="${seo.image.width}">` +
      `<meta property="og:image:height" content="${seo.image.height}">` +
      (seo.image.alt ? `<meta property="og:image:alt" content="${escape(seo.image.alt)}">` : "")
    : "";
  return (
    `<title>${escape(seo.title)}</title>` +
    (seo.description ? `<meta name="description" content="${escape(seo.description)}">` : "") +
    `<link rel="canonical" href="${escape(seo.canonical_url)}">` +
    `<meta property="og:type" content="${seo.og_type}">` +
    `<meta property="og:title" content="${escape(seo.title)}">` +
    `<meta property="og:url" content="${escape(seo.canonical_url)}">${image}`
  );
}

export function renderPage(page: PageDetail): string {
  const crumbs =
    page.type === "wagtailcore.Page"
      ? ""
      : `<nav aria-label="Brotkrumen"><ol>${page.breadcrumbs.map((c) => `<li><a href="${escape(c.url)}">${escape(c.title)}</a></li>`).join("")}</ol></nav>`;
  return (
    `<!DOCTYPE html>\n<html lang="de">\n<head><meta charset="utf-8">${head(page)}</head>\n` +
    `<body data-page-type="${escape(page.type)}" data-page-id="${page.id ?? ""}">${crumbs}<main>\n${main(page)}\n</main></body>\n</html>\n`
  );
}

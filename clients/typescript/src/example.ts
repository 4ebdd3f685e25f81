/**
 * Example: render a page of the CMS to static HTML from the API alone.
 *
 *   node dist/example.js http://localhost:8000 /themen/fluechtlingsarbeit/ > seite.html
 *   node dist/example.js http://localhost:8000 --preview 'https://frontend.example/vorschau?token=…&page_id=42&type=…&path=…'
 *
 * The second form is the frontend preview round trip: the admin's "Frontend" preview mode sends
 * the editor to FRONTEND_PREVIEW_URL with `token` and `page_id`; the frontend reads the
 * unsaved page with them from `/api/v3/preview/<page_id>/?token=…`.
 *
 * Each error status the document lists is handled: 400/422 (a bad request: exit 2), 403 (a
 * preview token that is invalid, expired or for another page: exit 4), 404 (nothing public at
 * this path: exit 3), 429/503 (waits `Retry-After` seconds, once, then exit 5).
 */
import { createCmsClient, type Failure, type PageDetail, type Result } from "./client.js";
import { renderPage } from "./render.js";

const MAX_WAIT_SECONDS = 30;

async function withRetry(call: () => Promise<Result<PageDetail>>): Promise<Result<PageDetail>> {
  const first = await call();
  if (first.ok || (first.status !== 429 && first.status !== 503)) {
    return first;
  }
  const wait = Math.min(first.retryAfter ?? 1, MAX_WAIT_SECONDS);
  process.stderr.write(`Status ${first.status}: neuer Versuch in ${wait} s\n`);
  await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  return call();
}

function fail(failure: Failure): number {
  const detail = failure.problem?.detail || failure.problem?.title || "";
  switch (failure.status) {
    case 400:
    case 422:
      process.stderr.write(`Ungültige Anfrage (${failure.status}): ${detail}\n`);
      return 2;
    case 404:
      process.stderr.write(`Nicht gefunden (404): ${detail}\n`);
      return 3;
    case 403:
      process.stderr.write(`Vorschau abgelehnt (403): ${detail}\n`);
      return 4;
    case 429:
    case 503:
      process.stderr.write(`Nicht erreichbar (${failure.status}), auch nach dem Warten: ${detail}\n`);
      return 5;
    default:
      process.stderr.write(`Fehler ${failure.status}: ${detail}\n`);
      return 1;
  }
}

export async function run(argv: string[]): Promise<number> {
  const [baseUrl, target, previewUrl] = argv;
  if (!baseUrl || !target) {
    process.stderr.write(
      "Aufruf: example.js <API-Basis-URL> <Pfad> | example.js <API-Basis-URL> --preview <Vorschau-URL>\n",
    );
    return 2;
  }
  const cms = createCmsClient(baseUrl);
  let call: () => Promise<Result<PageDetail>>;
  if (target === "--preview") {
    const query = new URL(previewUrl ?? "", "http://frontend.invalid").searchParams;
    const token = query.get("token");
    const pageId = Number(query.get("page_id"));
    if (!token || !Number.isInteger(pageId)) {
      process.stderr.write("Die Vorschau-URL braucht token und page_id.\n");
      return 2;
    }
    call = () => cms.preview(pageId, token);
  } else {
    call = () => cms.pageByPath(target);
  }
  const answer = await withRetry(call);
  if (!answer.ok) {
    return fail(answer);
  }
  process.stdout.write(renderPage(answer.data));
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Abbruch: ${String(error)}\n`);
    process.exitCode = 1;
  },
);

/**
 * A small typed client of the CMS's read API (`/api/v3/openapi.json`), on openapi-fetch.
 *
 * Every call answers a `Result`: the typed body on success, else the status, the problem
 * details (`application/problem+json`) and, for 429 and 503, the seconds to wait. No type
 * guard is written by hand: the types come from `schema.d.ts`, generated from the document.
 */
import createClient from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type Schemas = components["schemas"];
export type PageDetail = Schemas["PageDetail"];
export type Problem = Schemas["Problem"];

export type Failure = {
  ok: false;
  status: number;
  problem: Problem | null;
  /** Seconds to wait before trying again (429, 503), else null. */
  retryAfter: number | null;
};
export type Result<T> = { ok: true; data: T } | Failure;

type Answer<T> = { data?: T; error?: Problem; response: Response };

function result<T>({ data, error, response }: Answer<T>): Result<T> {
  if (response.ok && data !== undefined) {
    return { ok: true, data };
  }
  const retry = response.headers.get("Retry-After");
  return {
    ok: false,
    status: response.status,
    problem: error ?? null,
    retryAfter: retry !== null && /^\d+$/.test(retry) ? Number(retry) : null,
  };
}

/** The query parameters an operation declares, as the document types them. */
type QueryOf<P extends keyof paths> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;

export function createCmsClient(baseUrl: string, init: { fetch?: typeof fetch } = {}) {
  const client = createClient<paths>({
    baseUrl: baseUrl.replace(/\/$/, ""),
    headers: { Accept: "application/json" },
    ...(init.fetch ? { fetch: init.fetch } : {}),
  });

  return {
    /** A page's detail by the path the site serves it at, in one request. */
    async pageByPath(htmlPath: string): Promise<Result<PageDetail>> {
      return result(
        await client.GET("/api/v3/page-by-path/", { params: { query: { html_path: htmlPath } } }),
      );
    },
    /** A page's detail by its id. */
    async page(pageId: number): Promise<Result<PageDetail>> {
      return result(
        await client.GET("/api/v3/pages/{page_id}/", { params: { path: { page_id: pageId } } }),
      );
    },
    /** The unsaved page an editor previews, with the token of the admin's "Frontend" mode. */
    async preview(pageId: number, token: string): Promise<Result<PageDetail>> {
      return result(
        await client.GET("/api/v3/preview/{page_id}/", {
          params: { path: { page_id: pageId }, query: { token } },
        }),
      );
    },
    async topics(query: QueryOf<"/api/v3/topics/"> = {}) {
      return result(await client.GET("/api/v3/topics/", { params: { query } }));
    },
    async publications(query: QueryOf<"/api/v3/publications/"> = {}) {
      return result(await client.GET("/api/v3/publications/", { params: { query } }));
    },
    async contactPersons(query: QueryOf<"/api/v3/people/contact-persons/"> = {}) {
      return result(await client.GET("/api/v3/people/contact-persons/", { params: { query } }));
    },
    async navigation() {
      return result(await client.GET("/api/v3/navigation/", {}));
    },
    async siteSettings() {
      return result(await client.GET("/api/v3/site-settings/", {}));
    },
    /** The site search: `q` is plain words; `type` one of topic, page, person, fachgruppe,
     * publication. */
    async search(q: string, query: Omit<QueryOf<"/api/v3/search/">, "q"> = {}) {
      return result(await client.GET("/api/v3/search/", { params: { query: { q, ...query } } }));
    },
  };
}

export type CmsClient = ReturnType<typeof createCmsClient>;

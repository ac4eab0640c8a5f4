import type { Problem as ProblemBody } from '../../src/api/types.js';

/**
 * An RFC 9457 problem the server answers with. `code` becomes the `type` URN, so a client
 * can tell problems apart without parsing words; `field` names the request field at fault.
 */
export class Problem extends Error {
  /** Headers the answer carries besides the problem (Retry-After on a 429). */
  headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly field?: string,
  ) {
    super(detail ?? title);
  }

  static badRequest(field: string, detail: string): Problem {
    return new Problem(400, 'invalid-query', 'The query is not valid.', detail, field);
  }

  static invalid(field: string, detail: string, code = 'invalid-field'): Problem {
    return new Problem(422, code, 'The contribution is not valid.', detail, field);
  }

  toJSON(): ProblemBody {
    const body: ProblemBody = { type: `urn:open-call-widgets:problem:${this.code}`, title: this.title, status: this.status };
    if (this.detail) body.detail = this.detail;
    if (this.field) body.field = this.field;
    return body;
  }
}

/** The client went away mid-request (its body cut short): nobody reads the answer, nothing failed here. */
export const clientWentAway = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE';
};

/** Why a widget could not load what it shows, for the visitor (and the site owner). */
export interface FailureWords {
  unreachable: string;
  timeout: string;
  notFound: string;
  problem: string;
  invalid: string;
  noBackend: string;
  /** The backend answered, but not to this page: its CORS settings leave this site out. */
  notAllowed: string;
}

// Who the dashboard is asking as. Development: the gateway lists the seeded demo audiences and
// mints their tokens server-side (POST /dashboard/dev-token; never a token in a URL). Production:
// the person pastes the token their organisation issued; it stays in memory.
export interface DashboardConfig {
  mode: 'development' | 'production';
  audiences: { audience: string; description: string }[];
}

export interface Session {
  /** A demo audience name, 'public', or 'token' (a pasted token). */
  audience: string;
  token: string | null;
  /** The caller's organisation (the token's `org` claim), for "my organisation". */
  organizationId: string | null;
}

export const PUBLIC_SESSION: Session = { audience: 'public', token: null, organizationId: null };

export async function loadConfig(): Promise<DashboardConfig> {
  const response = await fetch('/dashboard/config.json');
  if (!response.ok) return { mode: 'production', audiences: [] };
  return (await response.json()) as DashboardConfig;
}

const minted = new Map<string, Promise<Session>>();

export function demoSession(audience: string): Promise<Session> {
  if (audience === 'public') return Promise.resolve(PUBLIC_SESSION);
  let session = minted.get(audience);
  if (!session) {
    session = fetch('/dashboard/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ audience }) })
      .then(async (response) => {
        if (!response.ok) throw new Error(`No demo token for ${audience} (HTTP ${response.status}).`);
        const { token } = (await response.json()) as { token: string };
        return tokenSession(token, audience);
      });
    session.catch(() => minted.delete(audience));
    minted.set(audience, session);
  }
  return session;
}

/** The organisation is read from the token for display only; the gateway verifies the token. */
export function tokenSession(token: string, audience = 'token'): Session {
  let organizationId: string | null = null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { org?: string };
    organizationId = payload.org ?? null;
  } catch {
    organizationId = null;
  }
  return { audience, token, organizationId };
}

// The shell: which view, as whom (and side by side with whom), which mission, which language.
// The view, audience names and language live in the address (#/incidents?as=ngo-partner&compare=
// mission-ops&lang=fr) so a screen can be shared; a token never does.
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, translator, type Language, type Translate } from './i18n';
import { demoSession, loadConfig, PUBLIC_SESSION, tokenSession, type DashboardConfig, type Session } from './session';
import { FundingView } from './views/Funding';
import { HumanitarianView } from './views/Humanitarian';
import { IncidentsView } from './views/Incidents';
import { MISSIONS, type MissionChoice } from './views/missions';
import { OverviewView } from './views/Overview';
import { PartnerView } from './views/Partner';

export const VIEWS = ['overview', 'incidents', 'humanitarian', 'funding', 'partner'] as const;
type View = (typeof VIEWS)[number];

interface Route {
  view: View;
  as: string;
  compare: string | null;
  lang: Language | null;
  mission: string;
}

function readRoute(): Route {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : 'overview';
  const lang = params.get('lang');
  return { view, as: params.get('as') ?? 'public', compare: params.get('compare'), lang: LANGUAGES.includes(lang as Language) ? (lang as Language) : null, mission: params.get('mission') ?? MISSIONS[0]!.acronym };
}

function writeRoute(route: Route): void {
  const params = new URLSearchParams({ as: route.as, mission: route.mission });
  if (route.compare) params.set('compare', route.compare);
  if (route.lang) params.set('lang', route.lang);
  location.hash = `#/${route.view}?${params}`;
}

export function App() {
  const [config, setConfig] = useState<DashboardConfig | null>(null);
  const [route, setRoute] = useState(readRoute);
  const [pasted, setPasted] = useState<Session | null>(null);
  useEffect(() => {
    void loadConfig().then(setConfig);
    const onHash = () => setRoute(readRoute());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const mission = MISSIONS.find((m) => m.acronym === route.mission) ?? MISSIONS[0]!;
  const language = route.lang ?? mission.language;
  const t = translator(language);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('title');
  }, [language]);
  if (!config) return <p role="status">{t('loading')}</p>;
  const update = (change: Partial<Route>) => writeRoute({ ...route, ...change });
  const development = config.mode === 'development';
  const audiences = ['public', ...config.audiences.map((a) => a.audience)];

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('skip')}
      </a>
      <header>
        <h1>{t('title')}</h1>
        <form class="controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('mission')}
            <select value={mission.acronym} onChange={(e) => update({ mission: e.currentTarget.value })}>
              {MISSIONS.map((m) => (
                <option key={m.acronym} value={m.acronym}>{m.acronym}</option>
              ))}
            </select>
          </label>
          {development ? (
            <>
              <label>
                {t('audience')}
                <select data-testid="audience" value={route.as} onChange={(e) => update({ as: e.currentTarget.value })}>
                  {audiences.map((a) => (
                    <option key={a} value={a}>{a === 'public' ? t('public') : a}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('compareWith')}
                <select data-testid="compare" value={route.compare ?? ''} onChange={(e) => update({ compare: e.currentTarget.value || null })}>
                  <option value="">{t('compareNone')}</option>
                  {audiences.map((a) => (
                    <option key={a} value={a}>{a === 'public' ? t('public') : a}</option>
                  ))}
                </select>
              </label>
            </>
          ) : (
            <TokenField t={t} onToken={(token) => setPasted(token ? tokenSession(token) : null)} />
          )}
          <label>
            {t('language')}
            <select value={language} onChange={(e) => update({ lang: e.currentTarget.value as Language })}>
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          </label>
        </form>
        <nav aria-label={t('views')}>
          <ul>
            {VIEWS.map((view) => (
              <li key={view}>
                <a href={`#/${view}?${new URLSearchParams({ as: route.as, mission: mission.acronym, ...(route.compare ? { compare: route.compare } : {}), ...(route.lang ? { lang: route.lang } : {}) })}`} aria-current={view === route.view ? 'page' : undefined}>
                  {t(`view.${view}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} class={route.compare && development ? 'side-by-side' : ''}>
        <Pane key={`a-${route.as}`} audience={development ? route.as : pasted ? 'token' : 'public'} pasted={pasted} view={route.view} mission={mission} t={t} language={language} showLabel={Boolean(route.compare && development)} />
        {route.compare && development && <Pane key={`b-${route.compare}`} audience={route.compare} pasted={null} view={route.view} mission={mission} t={t} language={language} showLabel />}
      </main>
    </>
  );
}

/** One audience's copy of the current view. */
function Pane(props: { audience: string; pasted: Session | null; view: View; mission: MissionChoice; t: Translate; language: Language; showLabel: boolean }) {
  const { audience, pasted, view, mission, t, language } = props;
  const [session, setSession] = useState<Session | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setSession(null);
    if (audience === 'token') return setSession(pasted ?? PUBLIC_SESSION);
    demoSession(audience).then(setSession, (e: Error) => setProblem(e.message));
  }, [audience, pasted]);
  return (
    <section class="pane" data-testid={`pane-${audience}`} data-audience={audience} aria-labelledby={`pane-title-${audience}`}>
      <h2 id={`pane-title-${audience}`} class={props.showLabel ? '' : 'visually-hidden'}>
        {t(`view.${view}`)} — {audience === 'public' ? t('public') : audience}
      </h2>
      {problem ? (
        <p role="alert">{problem}</p>
      ) : !session ? (
        <p role="status">{t('loading')}</p>
      ) : view === 'overview' ? (
        <OverviewView mission={mission} session={session} t={t} language={language} />
      ) : view === 'incidents' ? (
        <IncidentsView mission={mission} session={session} t={t} language={language} />
      ) : view === 'humanitarian' ? (
        <HumanitarianView mission={mission} session={session} t={t} language={language} />
      ) : view === 'funding' ? (
        <FundingView session={session} t={t} language={language} />
      ) : (
        <PartnerView session={session} t={t} language={language} />
      )}
    </section>
  );
}

function TokenField({ t, onToken }: { t: Translate; onToken(token: string | null): void }) {
  const [value, setValue] = useState('');
  return (
    <div class="token-field">
      <label>
        {t('tokenLabel')}
        <input type="password" autoComplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} aria-describedby="token-help" />
      </label>
      <button type="button" onClick={() => onToken(value.trim() || null)}>
        {t('useToken')}
      </button>
      <small id="token-help">{t('tokenHelp')}</small>
    </div>
  );
}

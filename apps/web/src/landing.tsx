import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Area, Station } from './api/types';
import { ConsumerWarnings } from './consumer/warning-list';
import { api } from './lib/api';
import { Icon } from './lib/icons';
import { useLang } from './lib/i18n';
import { Shell } from './lib/shell';

const TYPE_NAMES: Record<string, [string, string]> = {
  mall: ['商场商圈', 'Malls'],
  scenic: ['景区', 'Scenic spots'],
  market: ['市场', 'Markets'],
  community: ['社区', 'Communities'],
  platform: ['平台企业', 'Platforms'],
  enterprise: ['企业', 'Businesses'],
};

/** The portal's home: file or track, the consumer warnings in force, what the difference between a complaint and a report is, and the stations. */
export function Landing() {
  const { t } = useLang();
  const [areas, setAreas] = useState<Area[]>([]);
  const [stations, setStations] = useState<Station[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    Promise.all([api<Area[]>('/directory/areas'), api<Station[]>('/directory/stations')]).then(
      ([a, s]) => {
        setAreas(a);
        setStations(s);
      },
      () => setFailed(true),
    );
  }, []);

  const byArea = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const s of stations ?? []) {
    byArea.set(s.areaCode, (byArea.get(s.areaCode) ?? 0) + 1);
    byType.set(s.type, (byType.get(s.type) ?? 0) + 1);
  }

  // The city's counties, county-level city and districts are counted apart from its development zones.
  const zones = new Set(areas.filter((a) => a.kind === 'zone').map((a) => a.code));
  const covered = [...byArea.keys()];
  const counties = covered.filter((c) => !zones.has(c)).length;
  const inZones = covered.length - counties;
  const coverage = (tr: typeof t) =>
    tr(
      ` 个服务站，覆盖 ${counties} 个县（市、区）${inZones ? `和 ${inZones} 个开发区` : ''}`,
      ` stations in ${counties} counties and districts${inZones ? ` and ${inZones} development zones` : ''}`,
    );

  return (
    <Shell>
      <header className="hero">
        <p className="eyebrow">{t('聊城市市场监督管理局 · 消费维权服务', 'Liaocheng Market Regulation Bureau · consumer rights')}</p>
        <h1>{t('聊城市消费维权服务平台', 'Liaocheng Consumer Rights Service')}</h1>
        <p className="lead">
          {t(
            '在线提交投诉或举报，凭查询编号和查询码随时查看办理进度。投诉受理与否将在收到之日起 7 个工作日内告知。',
            'File a complaint or a report online, and follow it with its tracking number and access code. You are told within 7 working days whether a complaint is accepted.',
          )}
        </p>
        <nav className="portal-actions" aria-label={t('主要功能', 'Main actions')}>
          <Link to="/complaint/new" className="portal-action primary" data-testid="go-file">
            <Icon name="pen" />
            <span>{t('我要投诉/举报', 'File a complaint or report')}</span>
          </Link>
          <Link to="/track" className="portal-action" data-testid="go-track">
            <Icon name="track" />
            <span>{t('查询办理进度', 'Track a case')}</span>
          </Link>
        </nav>
      </header>

      <ConsumerWarnings />

      <section className="card two-tracks" aria-label={t('投诉与举报的区别', 'Complaint or report')}>
        <div>
          <h2>{t('投诉', 'Complaint')}</h2>
          <p>
            {t(
              '您本人与经营者的消费纠纷，希望退款、赔偿或维修：由服务站或市场监管部门组织调解。',
              'Your own dispute with a business (refund, compensation, repair): a station or the regulator mediates.',
            )}
          </p>
        </div>
        <div>
          <h2>{t('举报', 'Report')}</h2>
          <p>
            {t(
              '反映经营者涉嫌违法的线索：由监管部门核查、决定是否立案查处，不进行调解。',
              'A lead on illegal conduct: the regulator checks it and decides whether to open a case. No mediation.',
            )}
          </p>
        </div>
      </section>

      <section aria-labelledby="record-title" className="card">
        <h2 id="record-title">{t('经营者投诉信息公示', 'Businesses: public complaint record')}</h2>
        <p>
          {t(
            '已入驻在线消费纠纷解决的经营者直接答复消费者的投诉。查看各经营者收到的投诉、源头化解和调解成功情况、答复用时及其声明。',
            'Businesses enrolled for online dispute resolution answer complaints themselves. See how many complaints each received, settled at the source and in mediation, how fast it answers, and its statement.',
          )}
        </p>
        <Link to="/disclosure/businesses" className="landing-link" data-testid="go-disclosure">
          <Icon name="shop" />
          {t('查看经营者投诉信息公示', 'See the public record of businesses')}
        </Link>
      </section>

      <section aria-labelledby="stations-title" className="card">
        <h2 id="stations-title">{t('消费维权服务站', 'Rights-protection stations')}</h2>
        {failed && (
          <p className="error">{t('暂时无法读取服务站目录，请稍后刷新。', 'The station directory is unavailable; reload shortly.')}</p>
        )}
        {!failed && stations === null && <p>{t('正在加载…', 'Loading…')}</p>}
        {stations && (
          <>
            <p className="big" data-testid="station-count">
              {stations.length}
              <span>{coverage(t)}</span>
            </p>
            <ul className="chips">
              {[...byType].map(([type, n]) => (
                <li key={type}>
                  {TYPE_NAMES[type] ? t(...TYPE_NAMES[type]) : type} {n}
                </li>
              ))}
            </ul>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('区域', 'Area')}</th>
                  <th scope="col">{t('服务站', 'Stations')}</th>
                </tr>
              </thead>
              <tbody>
                {areas.map((a) => (
                  <tr key={a.code}>
                    <td>{a.name}</td>
                    <td>{byArea.get(a.code) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="fine">
              {t(
                '说明：当前服务站名单为示例数据，正式上线时由市场监管部门导入真实名单。',
                'Note: the station list is sample data until the bureau imports the real one.',
              )}
            </p>
          </>
        )}
      </section>
    </Shell>
  );
}

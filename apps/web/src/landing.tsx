import { useEffect, useState } from 'react';

interface Area { code: string; name: string }
interface Station { code: string; name: string; areaCode: string; type: string }

const TYPE_NAMES: Record<string, string> = {
  mall: '商场商圈', scenic: '景区', market: '市场', community: '社区', platform: '平台企业', enterprise: '企业',
};

/** The landing page until the consumer portal, staff console and dashboard arrive. */
export function Landing() {
  const [areas, setAreas] = useState<Area[]>([]);
  const [stations, setStations] = useState<Station[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    Promise.all([fetch('/api/v1/directory/areas'), fetch('/api/v1/directory/stations')])
      .then(async ([a, s]) => {
        if (!a.ok || !s.ok) throw new Error('directory unavailable');
        setAreas(await a.json());
        setStations(await s.json());
      })
      .catch(() => setFailed(true));
  }, []);

  const byArea = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const s of stations ?? []) {
    byArea.set(s.areaCode, (byArea.get(s.areaCode) ?? 0) + 1);
    byType.set(s.type, (byType.get(s.type) ?? 0) + 1);
  }

  return (
    <main className="page">
      <header className="hero">
        <p className="eyebrow">聊城市市场监督管理局 · 消费维权服务</p>
        <h1>聊城市消费维权服务平台</h1>
        <p className="lead">
          消费者可在线提交<strong>投诉</strong>（自己的消费纠纷，申请调解）或<strong>举报</strong>（反映经营者的违法线索），
          凭受理编号和查询码随时查看办理进度。投诉受理与否将在收到之日起 7 个工作日内告知。
        </p>
        <p className="notice">在线投诉、进度查询、工作人员办案台与监管数据看板正在建设中。</p>
      </header>

      <section aria-labelledby="stations-title" className="card">
        <h2 id="stations-title">消费维权服务站</h2>
        {failed && <p className="error">暂时无法读取服务站目录，请稍后刷新。</p>}
        {!failed && stations === null && <p>正在加载…</p>}
        {stations && (
          <>
            <p className="big" data-testid="station-count">
              {stations.length}<span> 个服务站，覆盖 {byArea.size} 个县（市、区）</span>
            </p>
            <ul className="chips">
              {[...byType].map(([type, n]) => (
                <li key={type}>{TYPE_NAMES[type] ?? type} {n}</li>
              ))}
            </ul>
            <table>
              <thead>
                <tr><th scope="col">区域</th><th scope="col">服务站</th></tr>
              </thead>
              <tbody>
                {areas.map((a) => (
                  <tr key={a.code}><td>{a.name}</td><td>{byArea.get(a.code) ?? 0}</td></tr>
                ))}
              </tbody>
            </table>
            <p className="fine">说明：当前服务站名单为示例数据，正式上线时由市场监管部门导入真实名单。</p>
          </>
        )}
      </section>

      <footer className="fine">
        <a href="/docs">接口文档 API</a> · <a href="/health/ready">系统状态</a>
      </footer>
    </main>
  );
}

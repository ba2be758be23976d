/**
 * What shows while a page's code is still on its way: the same header bar and outline that
 * index.html paints before any script runs (its styles live in index.html), so a slow phone never
 * sees a white page between the two.
 */
export function Booting() {
  return (
    <div className="boot">
      <header className="boot-bar">聊城市消费维权服务平台</header>
      <main className="boot-main" aria-busy="true">
        <p className="boot-note">正在加载… Loading…</p>
        <div className="boot-card">
          <div className="boot-line" style={{ width: '40%' }} />
          <div className="boot-line" />
          <div className="boot-line" style={{ width: '85%' }} />
          <div className="boot-line" style={{ width: '60%' }} />
        </div>
      </main>
    </div>
  );
}

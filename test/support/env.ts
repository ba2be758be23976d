// Tests run against the machine's PostgreSQL and Redis unless told otherwise; each test file makes
// its own database and queue prefix, so runs never see each other's data or the start command's.
process.env.TEST_DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.TEST_REDIS_URL ||= 'redis://127.0.0.1:6379';
process.env.TZ = 'Asia/Shanghai';

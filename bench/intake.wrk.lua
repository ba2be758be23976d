-- wrk script for POST /api/v1/complaints: realistic Chinese bodies, a distinct phone per request
-- (a benchmark of intake, not of duplicate detection). Prints one JSON line of results at the end.
local stories = {
  { "catering", "在该店就餐时发现菜品变质，与店家协商未果，店家拒绝退款并态度恶劣。", "退还餐费并赔偿" },
  { "clothing", "购买的羽绒服穿了两次就开线跑绒，商家以已穿过为由拒绝退换。", "退货退款" },
  { "appliances", "新买的冰箱制冷效果差，售后上门三次仍未修好，要求更换被拒。", "更换新机" },
  { "beauty", "办理了会员预付卡，充值 3000 元后门店突然关门，联系不上经营者。", "退还卡内余额" },
  { "education-training", "报名的培训课程与宣传的师资不符，申请退费被以合同条款拒绝。", "退还剩余课时费" },
  { "sports-fitness", "健身房更换经营者后不认原会员卡，要求重新办卡。", "继续履行合同或退款" },
}
local businesses = { "聊城市东昌府区好味道餐饮店", "聊城金鼎购物中心某服装专柜", "阳谷县某家电销售有限公司", "临清市某美容美发店", "茌平区某教育培训学校" }
local areas = { "371502", "371521", "371581" }
local names = { "张伟", "王芳", "李娜", "赵敏", "刘静", "陈丽", "杨强", "黄磊" }
local counter = 0
local thread_id = 0
local today = os.getenv("BENCH_TODAY") or "2026-11-20"

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local i = counter
  local s = stories[(i % #stories) + 1]
  local phone = string.format("13%d%02d%06d", 5 + (thread_id % 5), tonumber(os.getenv("BENCH_RUN") or "0") % 100, i % 1000000)
  local body = string.format(
    '{"kind":"%s","categoryCode":"%s","channel":"offline","prepaid":%s,"consumer":{"name":"%s","phone":"%s","address":"山东省聊城市东昌府区柳园街道%d号院"},' ..
    '"respondent":{"name":"%s","address":"聊城市某路%d号","areaCode":"%s"},"incidentDate":"%s","amount":%d.5,"description":"%s","demand":"%s","consentToPublish":%s}',
    (i % 10 == 0) and "both" or "complaint", s[1], (i % 4 == 0) and "true" or "false", names[(i % #names) + 1], phone, i % 97 + 1,
    businesses[(i % #businesses) + 1], i % 300 + 1, areas[(i % #areas) + 1], today, 50 + i % 5000, s[2], s[3], (i % 3 == 0) and "true" or "false")
  return wrk.format(nil, "/api/v1/complaints", nil, body)
end

function done(summary, latency, requests)
  io.write(string.format('WRK_RESULT {"requests":%d,"seconds":%.3f,"errors":%d,"p50":%.3f,"p99":%.3f}\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

-- wrk script for the posting benchmark: every request is a distinct, valid comment (so duplicate
-- detection never answers 409) on the demo article; counts non-201 answers.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  non201 = 0
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"article_id":"urmia-creative-city","name":"بنچ %d-%d","email":"b%d-%d@example.ir",' ..
    '"title":"آزمون","text":"شهر خلاق ارومیه برنامه خوبی است؛ دیدگاه آزمایشی شماره %d-%d."}',
    id, counter, id, counter, id, counter)
  return wrk.format("POST", "/api/comments", {["Content-Type"] = "application/json"}, body)
end

response = function(status, headers, body)
  if status ~= 201 then non201 = non201 + 1 end
end

done = function(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non201") end
  io.write(string.format("accepted/s: %.1f  p50: %.2f ms  p99: %.2f ms  non-201 answers: %d\n",
    (summary.requests - bad) / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad))
end

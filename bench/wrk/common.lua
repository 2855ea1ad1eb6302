-- Shared by the benchmark scripts: per-thread ids, the person they create, the POST set-up, and a result line the
-- harness (ProfileBench) parses.
threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function report(summary, latency)
  local mismatches = 0
  for _, thread in ipairs(threads) do
    mismatches = mismatches + (thread:get("mismatches") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"errors":%d,"mismatches":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout, mismatches,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end

-- A complete person with a unique e-mail address (<tag>.<i>@example.de) and mobile number (<prefix> <8 digits>).
function person(i, tag, prefix)
  return string.format([[{"type":"PERSON","salutation":"MS","givenName":"Erika","familyName":"Mustermann",
"birthDate":"1984-08-12","gender":"FEMALE","language":"de",
"addresses":[{"type":"HOME","street":"Hauptstraße 1","postcode":"%05d","city":"Köln","country":"DE"}],
"emails":[{"address":"%s.%d@example.de","primary":true}],
"phones":[{"number":"%s %08d","type":"MOBILE","primary":true}],
"preferredPaymentMethod":{"type":"CREDIT_CARD","maskedReference":"**** **** **** 4242"},
"interests":["outdoor","dogs"],"acquisitionSource":"ONLINE_SHOP"}]], 10000 + i % 89999, tag, i, prefix, i % 100000000)
end

-- POSTs JSON to path as the bearer of the token; every answer but 201 counts as a mismatch.
function post_as(token, path)
  wrk.method = "POST"
  wrk.path = path
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

mismatches = 0

function response(status, headers, body)
  if status ~= 201 then
    mismatches = mismatches + 1
  end
end

-- The subject id of holder number i, as the harness seeds them (a UUID whose last group is the number).
function subject(i)
  return string.format("00000000-0000-4000-8000-%012d", i)
end

-- The holder number in an answer naming subject(i), or nil.
function subject_number(body)
  local digits = string.match(body, '"subjectId":"00000000%-0000%-4000%-8000%-(%d+)"')
  return digits and tonumber(digits)
end

-- The visitor id of visitor number i, as the harness seeds them: 32 lowercase hex digits.
function visitor(i)
  return string.format("be%030x", i)
end

-- The subject id of behaviour customer number i, as the harness imports their orders.
function customer(i)
  return string.format("00000000-0000-4000-9000-%012d", i)
end

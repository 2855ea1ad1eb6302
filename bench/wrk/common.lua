-- Shared by the benchmark scripts: per-thread ids, the person they create, the POST set-up, and a result line the
-- harness (ProfileBench) parses.
threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function report(summary, latency)
  local mismatches = 0
  local described = {}
  for _, thread in ipairs(threads) do
    mismatches = mismatches + (thread:get("mismatches") or 0)
    local f = thread:get("failures")
    if f and f ~= "" then
      table.insert(described, f)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_us":%d,"errors":%d,"mismatches":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d,"failures":[%s]}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout, mismatches,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
    table.concat(described, ",")))
end

-- A wrong answer described for the harness's report (at most MAX_DESCRIBED per thread), as a JSON string: the
-- description must hold no personal data (statuses, problem types and titles, markers, ids).
MAX_DESCRIBED = 5
failures = ""
described_count = 0

function describe_failure(description)
  if described_count >= MAX_DESCRIBED then
    return
  end
  described_count = described_count + 1
  local text = '"' .. string.gsub(string.sub(description, 1, 300), '["\\%c]', "'") .. '"'
  failures = failures == "" and text or (failures .. "," .. text)
end

-- A problem document's type, title and detail (RFC 9457), or the first bytes of a body that is none.
function problem_of(body)
  local type = string.match(body, '"type"%s*:%s*"([^"]*)"')
  if not type then
    return "body not a problem document (" .. #body .. " bytes)"
  end
  return string.format("type %s, title %s, detail %s", type,
    string.match(body, '"title"%s*:%s*"([^"]*)"') or "-",
    string.sub(string.match(body, '"detail"%s*:%s*"([^"]*)"') or "-", 1, 160))
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

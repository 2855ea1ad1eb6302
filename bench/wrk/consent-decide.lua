-- One decision per request, GET /api/v1/decisions?subjectId=…&purpose=…, for a random holder: holders 0 to
-- <granted> - 1 were granted the purpose by the harness, the same number after them have nothing recorded. Every
-- answer is checked: allowed exactly for the granted ones.
-- wrk -t2 -c8 -d30s -s consent-decide.lua http://127.0.0.1:28084 -- <token> <granted> <purpose>
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  granted = tonumber(args[2])
  purpose = args[3]
  math.randomseed(os.time() + thread_id)
end

function request()
  return wrk.format("GET", "/api/v1/decisions?purpose=" .. purpose .. "&subjectId=" .. subject(math.random(0, 2 * granted - 1)))
end

function response(status, headers, body)
  -- Several connections share a thread, so the holder is read from the answer, not remembered from the request.
  local holder = subject_number(body)
  local allowed = string.find(body, '"allowed":true', 1, true) ~= nil
  if status ~= 200 or holder == nil or allowed ~= (holder < granted) then
    mismatches = mismatches + 1
  end
end

function done(summary, latency, requests)
  report(summary, latency)
end

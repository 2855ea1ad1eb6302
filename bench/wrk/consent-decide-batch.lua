-- Batches of 1,000 pairs, POST /api/v1/decisions, random holders among the granted ones and as many without
-- anything recorded (see consent-decide.lua). Every answer must hold 1,000 decisions.
-- wrk -t1 -c1 -d30s -s consent-decide-batch.lua http://127.0.0.1:28084 -- <token> <granted> <purpose>
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

BATCH = 1000
n = 0

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.headers["Content-Type"] = "application/json"
  local granted = tonumber(args[2])
  local purpose = args[3]
  math.randomseed(os.time() + thread_id)
  -- Built once: making 1,000 pairs per request would cost the load generator more than the service.
  bodies = {}
  for b = 1, 16 do
    local list = {}
    for p = 1, BATCH do
      list[p] = '{"subjectId":"' .. subject(math.random(0, 2 * granted - 1)) .. '","purpose":"' .. purpose .. '"}'
    end
    bodies[b] = '{"pairs":[' .. table.concat(list, ",") .. ']}'
  end
end

function request()
  n = n + 1
  return wrk.format("POST", "/api/v1/decisions", nil, bodies[n % #bodies + 1])
end

function response(status, headers, body)
  local _, decisions = string.gsub(body, '"allowed":', "")
  if status ~= 200 or decisions ~= BATCH then
    mismatches = mismatches + 1
  end
end

function done(summary, latency, requests)
  report(summary, latency)
end

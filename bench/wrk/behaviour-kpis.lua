-- One customer's KPIs, GET /api/v1/customers/{subjectId}/kpis as sales, for a random customer among those whose
-- orders the harness imported. Every answer is checked: 200 and the customer asked for.
-- wrk -t1 -c1 -d30s -s behaviour-kpis.lua http://127.0.0.1:28082 -- <token> <customers>
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  customers = tonumber(args[2])
  math.randomseed(os.time() + thread_id)
end

function request()
  local wanted = customer(math.random(0, customers - 1))
  return wrk.format("GET", "/api/v1/customers/" .. wanted .. "/kpis")
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"subjectId":"00000000-0000-4000-9000-', 1, true) then
    mismatches = mismatches + 1
  end
end

function done(summary, latency, requests)
  report(summary, latency)
end

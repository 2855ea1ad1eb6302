-- GET /api/v1/me on consent-service with the token: the baseline the decisions are compared with (same service,
-- token, connections and duration; the work every request pays without deciding anything).
-- wrk -t2 -c8 -d30s -s consent-me.lua http://127.0.0.1:28084 -- <token>
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
end

function request()
  return wrk.format("GET", "/api/v1/me")
end

function response(status, headers, body)
  if status ~= 200 then
    mismatches = mismatches + 1
  end
end

function done(summary, latency, requests)
  report(summary, latency)
end

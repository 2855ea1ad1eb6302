-- Browser batches of 100 events, POST /api/v1/collect/site_demo as the tracker sends them (text/plain with JSON
-- inside, from the demo page's origin): 10 random visitors among those the harness gave web-analytics consent,
-- 10 events each (page views, clicks, page leaves). Every answer must say all 100 were accepted.
-- Each thread has its own session per run and client times one millisecond apart, so no event is a resend.
-- wrk -t2 -c8 -d30s -s tracking-collect.lua http://127.0.0.1:28083 -- <origin> <visitors> <run>
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

BATCH = 100
PER_VISITOR = 10
counter = 0

function init(args)
  wrk.headers["Origin"] = args[1]
  wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
  visitors = tonumber(args[2])
  session = string.format("5e%06x%024x", tonumber(args[3]), thread_id)
  -- An hour back: client times stay within the accepted day however long the run is.
  start = os.time() - 3600
  math.randomseed(os.time() + thread_id)
end

local function event(visitor_id, n)
  counter = counter + 1
  local time = os.date("!%Y-%m-%dT%H:%M:%S", start + math.floor(counter / 1000)) .. string.format(".%03dZ", counter % 1000)
  local common = string.format('"visitorId":"%s","sessionId":"%s","url":"https://shop.example/tents/%d","clientTime":"%s"',
    visitor_id, session, counter % 50, time)
  if n % 3 == 0 then
    return '{"type":"page_view",' .. common .. ',"referrer":"https://search.example/"}'
  elseif n % 3 == 1 then
    return '{"type":"click",' .. common .. ',"element":"add-to-cart:tent-' .. (counter % 20) .. '"}'
  else
    return '{"type":"page_leave",' .. common .. ',"dwellMs":' .. (counter % 60000) .. ',"scrollDepth":' .. (counter % 101) .. '}'
  end
end

function request()
  local events = {}
  for v = 0, BATCH / PER_VISITOR - 1 do
    local visitor_id = visitor(math.random(0, visitors - 1))
    for n = 1, PER_VISITOR do
      events[#events + 1] = event(visitor_id, n)
    end
  end
  return wrk.format("POST", "/api/v1/collect/site_demo", nil, '{"events":[' .. table.concat(events, ",") .. ']}')
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"accepted":' .. BATCH .. ',', 1, true) then
    mismatches = mismatches + 1
  end
end

function done(summary, latency, requests)
  report(summary, latency)
end

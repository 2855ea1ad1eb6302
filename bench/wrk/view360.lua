-- The 360° view of a random seeded customer, GET /api/v1/customers/{id}/360 as sales. The harness (View360Bench)
-- writes the seeded ids to a file, one a line. Every answer is checked: 200 and the view of the customer asked for,
-- not restricted; when a marker is named (e.g. '"kpis":{"unavailable":"'), the view must carry it: the part of the
-- service that is down is marked, so the run measured the degraded path.
-- One connection per thread (-t as -c), so each answer is the one to the request the thread sent last.
-- wrk -t4 -c4 -d30s -s view360.lua http://127.0.0.1:28081 -- <token> <ids file> [<marker>]
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  ids = {}
  for line in io.lines(args[2]) do
    if line ~= "" then
      table.insert(ids, line)
    end
  end
  marker = args[3]
  if marker == "" then
    marker = nil
  end
  math.randomseed(os.time() + thread_id)
end

function request()
  wanted = ids[math.random(1, #ids)]
  return wrk.format("GET", "/api/v1/customers/" .. wanted .. "/360")
end

-- A wrong answer is counted and described (status, problem type, title and detail, or which check a 200 failed and
-- the parts' markers), never with the view's data.
function response(status, headers, body)
  if status ~= 200 then
    mismatches = mismatches + 1
    describe_failure(string.format("%d for customer %s: %s", status, wanted, problem_of(body)))
  elseif not string.find(body, '{"id":"' .. wanted .. '","restricted":false', 1, true) then
    mismatches = mismatches + 1
    describe_failure("200 for customer " .. wanted .. " but not its unrestricted view")
  elseif marker and not string.find(body, marker, 1, true) then
    mismatches = mismatches + 1
    local markers = {}
    for reason in string.gmatch(body, '"unavailable":"([^"]*)"') do
      table.insert(markers, reason)
    end
    describe_failure(string.format("200 for customer %s without the marker %s (unavailable: %s)", wanted, marker,
      #markers == 0 and "none" or table.concat(markers, "; ")))
  end
end

function done(summary, latency, requests)
  report(summary, latency)
end

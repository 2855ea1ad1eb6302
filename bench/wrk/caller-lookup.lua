-- Look up the caller of one of the customers the harness seeded (0151 <10000000 + i>), as a PBX asks for a CTI
-- pop-up: the number in the notations PBXs send, in turn. With one connection per thread the answer is checked:
-- exactly one caller card (the seeded numbers are unique among all customers).
-- wrk -t1 -c1 -d30s -s caller-lookup.lua http://127.0.0.1:28081 -- <token> <customers> <check 1|0>
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

mismatches = 0
n = 0

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  customers = tonumber(args[2])
  check = args[3] == "1"
  math.randomseed(os.time() + thread_id)
end

-- 0151 1000…, +49151…, 0049-151-…, 0151/…, (0151) …, and 151… (no trunk prefix), URL-encoded.
local notations = {
  "0151%%20%d", "%%2B49151%d", "0049-151-%d", "0151%%2F%d", "%%280151%%29%%20%d", "151%d"
}

function request()
  n = n + 1
  local wanted = math.random(0, customers - 1)
  local number = string.format(notations[n % #notations + 1], 10000000 + wanted)
  return wrk.format("GET", "/api/v1/caller-lookup?number=" .. number)
end

function response(status, headers, body)
  if status ~= 200 then
    mismatches = mismatches + 1
  elseif check then
    local _, cards = string.gsub(body, '"customerId":"', "")
    if cards ~= 1 or not string.find(body, '"match":"UNIQUE"', 1, true) then
      mismatches = mismatches + 1
    end
  end
end

function done(summary, latency, requests)
  report(summary, latency)
end

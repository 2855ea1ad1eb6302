-- Search one of the customers the harness created (customer.<i>@example.de, 0151 <10000000 + i>), by phone in
-- three notations or by e-mail. With one connection per thread the answer is checked: exactly the customer
-- searched for, nobody else.
-- wrk -t1 -c1 -d30s -s search-customer.lua http://127.0.0.1:28081 -- <token> <phone|email|mixed> <customers> <check 1|0>
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

mismatches = 0
n = 0

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  kind = args[2]
  customers = tonumber(args[3])
  check = args[4] == "1"
  math.randomseed(os.time() + thread_id)
end

local notations = { "0151%%20%d", "%%2B49%%20151%%20%d", "0049-151-%d" }

function request()
  n = n + 1
  wanted = math.random(0, customers - 1)
  local byPhone = kind == "phone" or (kind == "mixed" and n % 2 == 0)
  local query
  if byPhone then
    query = "phone=" .. string.format(notations[n % 3 + 1], 10000000 + wanted)
  else
    query = "email=customer." .. wanted .. "%40example.de"
  end
  return wrk.format("GET", "/api/v1/customers?" .. query)
end

function response(status, headers, body)
  if status ~= 200 then
    mismatches = mismatches + 1
  elseif check then
    local _, ids = string.gsub(body, '"id":"', "")
    if ids ~= 1 or not string.find(body, '"customer.' .. wanted .. '@example.de"', 1, true) then
      mismatches = mismatches + 1
    end
  end
end

function done(summary, latency, requests)
  report(summary, latency)
end

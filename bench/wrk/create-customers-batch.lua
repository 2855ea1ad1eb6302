-- POST batches of 100 distinct persons (unique e-mail and phone) to /api/v1/customers/batch, as the token's user.
-- wrk -t2 -c4 -d30s -s create-customers-batch.lua http://127.0.0.1:28081 -- <token> <offset>
-- Customer numbers are offset + thread * 10,000,000 + n, so runs with different offsets never collide.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

BATCH = 100
counter = 0

function init(args)
  offset = tonumber(args[2] or "0")
  post_as(args[1], "/api/v1/customers/batch")
end

function request()
  local people = {}
  for n = 1, BATCH do
    counter = counter + 1
    people[n] = person(offset + thread_id * 10000000 + counter, "wrk.batch", "0160")
  end
  return wrk.format(nil, nil, nil, '{"customers":[' .. table.concat(people, ",") .. ']}')
end

function done(summary, latency, requests)
  report(summary, latency)
end

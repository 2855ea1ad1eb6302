-- POST a distinct person per request (unique e-mail and phone), as the token's user (sales).
-- wrk -t2 -c8 -d30s -s create-customer.lua http://127.0.0.1:28081 -- <token> <offset>
-- Customer numbers are offset + thread * 10,000,000 + n, so runs with different offsets never collide.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
require "common"

counter = 0

function init(args)
  offset = tonumber(args[2] or "0")
  post_as(args[1], "/api/v1/customers")
end

function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, person(offset + thread_id * 10000000 + counter, "wrk", "0152"))
end

function done(summary, latency, requests)
  report(summary, latency)
end

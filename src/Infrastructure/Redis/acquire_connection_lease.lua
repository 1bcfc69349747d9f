-- A slot for one more socket of a person, unless they hold the cap already. Expired leases (a replica that died
-- without releasing them) are dropped first. Times are Redis's own clock, so replicas' clocks do not matter.
-- KEYS[1] the person's leases (sorted set: lease id -> expires at, ms); ARGV[1] lease id, ARGV[2] lifetime ms, ARGV[3] cap
-- Returns 1 when the lease was taken, 0 when the person is at the cap.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1

-- Extends a live socket's lease; a lease that expired meanwhile (Redis was unreachable for longer than its lifetime)
-- is taken again, even past the cap: the socket is open, and closing it would be worse than one extra slot.
-- KEYS[1] the person's leases; ARGV[1] lease id, ARGV[2] lifetime ms
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1

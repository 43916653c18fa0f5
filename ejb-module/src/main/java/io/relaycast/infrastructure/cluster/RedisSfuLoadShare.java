package io.relaycast.infrastructure.cluster;

import io.relaycast.application.delivery.sfu.SfuLoadShare;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each SFU instance's viewers per node in one Redis hash (node → "count:time", by Redis's clock);
 * one script writes this node's figures and sums the others' that are fresh (under 6 s old: a dead
 * node's go with it).
 */
@ApplicationScoped
@Typed(RedisSfuLoadShare.class) // chosen by RoomMachinery
public class RedisSfuLoadShare implements SfuLoadShare {

    /** KEYS: one hash per instance; ARGV[1]: this node; ARGV[2..]: its count per instance (KEYS' order). */
    private static final String EXCHANGE = """
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local out = {}
            for i, key in ipairs(KEYS) do
              redis.call('HSET', key, ARGV[1], ARGV[i + 1] .. ':' .. now)
              redis.call('PEXPIRE', key, 60000)
              local sum = 0
              local all = redis.call('HGETALL', key)
              for j = 1, #all, 2 do
                if all[j] ~= ARGV[1] then
                  local count, at = string.match(all[j + 1], '(%d+):(%d+)')
                  if count and now - tonumber(at) < 6000 then sum = sum + tonumber(count)
                  else redis.call('HDEL', key, all[j]) end
                end
              end
              out[i] = sum
            end
            return out""";

    @Inject
    Redis redis;

    @Override
    public Map<String, Integer> exchange(Map<String, Integer> mine) {
        List<String> urls = mine.keySet().stream().sorted().toList();
        List<String> keys = urls.stream().map(u -> "rc:sfu:load:" + u).toList();
        List<String> args = new ArrayList<>(List.of(redis.nodeId()));
        urls.forEach(u -> args.add(Integer.toString(mine.get(u))));
        List<?> sums = (List<?>) redis.client().eval(EXCHANGE, keys, args);
        Map<String, Integer> others = new HashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            others.put(urls.get(i), ((Long) sums.get(i)).intValue());
        }
        return others;
    }
}

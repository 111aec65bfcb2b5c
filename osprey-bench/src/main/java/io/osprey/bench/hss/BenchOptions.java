package io.osprey.bench.hss;

import java.util.Arrays;
import java.util.Optional;

/**
 * Command-line options of {@link HssStoreBenchmark}, each {@code name=value}; see {@link #USAGE}. The
 * PostgreSQL URL defaults to {@code OSPREY_BENCH_POSTGRES_URL}, else the local test server.
 */
record BenchOptions(int subscribers, int seconds, int warmupSeconds, int[] threads, boolean sqlite, boolean postgres,
        String postgresUrl, String user, String password) {

    static final String USAGE = "options: subscribers=100000 seconds=10 warmup=3 threads=1,8 stores=sqlite,postgres"
            + " postgres=jdbc:postgresql://127.0.0.1:5432/test user=postgres password=";
    private static final int MAX_SECONDS = 3600;

    BenchOptions {
        threads = threads.clone();
    }

    @Override
    public int[] threads() {
        return threads.clone();
    }

    static BenchOptions parse(String[] args) {
        int subscribers = 100_000;
        int seconds = 10;
        int warmup = 3;
        int[] threads = {1, 8};
        String stores = "sqlite,postgres";
        String url = Optional.ofNullable(System.getenv("OSPREY_BENCH_POSTGRES_URL"))
                .orElse("jdbc:postgresql://127.0.0.1:5432/test");
        String user = "postgres";
        String password = "";
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("option must be name=value, was \"" + arg + "\"");
            }
            String value = arg.substring(equals + 1);
            switch (arg.substring(0, equals)) {
                case "subscribers" -> subscribers = number("subscribers", value, 1, SubscriberCsv.MAX_SUBSCRIBERS);
                case "seconds" -> seconds = number("seconds", value, 1, MAX_SECONDS);
                case "warmup" -> warmup = number("warmup", value, 0, MAX_SECONDS);
                case "threads" -> threads = Arrays.stream(value.split(","))
                        .mapToInt(count -> number("threads", count, 1, VectorLoad.MAX_THREADS)).toArray();
                case "stores" -> stores = value;
                case "postgres" -> url = value;
                case "user" -> user = value;
                case "password" -> password = value;
                default -> throw new IllegalArgumentException("unknown option \"" + arg.substring(0, equals) + "\"");
            }
        }
        boolean sqlite = false;
        boolean postgres = false;
        for (String store : stores.split(",")) {
            switch (store) {
                case "sqlite" -> sqlite = true;
                case "postgres" -> postgres = true;
                default -> throw new IllegalArgumentException("stores may hold sqlite and postgres, was \"" + store
                        + "\"");
            }
        }
        return new BenchOptions(subscribers, seconds, warmup, threads, sqlite, postgres, url, user, password);
    }

    @Override
    public String toString() {
        return "subscribers=" + subscribers + " seconds=" + seconds + " warmup=" + warmupSeconds + " threads="
                + Arrays.toString(threads) + " sqlite=" + sqlite + " postgres=" + (postgres ? postgresUrl : "no");
    }

    private static int number(String name, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was \"" + value + "\"");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + number);
        }
        return number;
    }
}

// Local MongoDB wire-protocol server for Entente (development and tests only).
// Run as a single source file (Java 11+):
//   java -cp <mongo-java-server jars> MongoWireServer.java --port 27017 --backend memory|h2 [--file data.mv]
//        [--server-version 4.4|5.0|4.0|3.6]
// Binds 127.0.0.1 only. The oplog is enabled so change streams work.
//
// Wire version: mongo-java-server 1.47.0 reports at most wire version 8 (its MONGO_5_0
// constant says 8 as well), but the Node.js driver 7 (used by mongoose 9) refuses any
// server below wire version 9 ("requires at least 9 (MongoDB 4.4)"). The default here
// therefore reports version 4.4 / wire version 9 on top of mongo-java-server's 5.0
// behaviour. The integration tests in deploy/local/src prove the driver and this
// server agree (insert, unique index, find).
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.ServerVersion;
import java.util.List;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

public class MongoWireServer {
    public static void main(String[] args) throws Exception {
        int port = 27017;
        String backendName = "memory";
        String file = null;
        String host = "127.0.0.1";
        String serverVersion = "4.4";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String next = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port": port = Integer.parseInt(require(a, next)); i++; break;
                case "--backend": backendName = require(a, next); i++; break;
                case "--file": file = require(a, next); i++; break;
                case "--host": host = require(a, next); i++; break;
                case "--server-version": serverVersion = require(a, next); i++; break;
                default:
                    System.err.println("unknown argument: " + a);
                    System.exit(2);
            }
        }
        final MongoBackend backend;
        if ("memory".equals(backendName)) {
            backend = new MemoryBackend();
        } else if ("h2".equals(backendName)) {
            if (file == null) {
                System.err.println("--backend h2 needs --file <path>");
                System.exit(2);
            }
            backend = new H2Backend(file);
        } else {
            System.err.println("unknown backend: " + backendName + " (memory|h2)");
            System.exit(2);
            return;
        }
        final MongoVersion version = reportedVersion(serverVersion);
        backend.version(version);
        final MongoServer server = new MongoServer(backend);
        server.enableOplog();
        server.bind(host, port);
        System.out.println("MongoWireServer listening on " + host + ":" + port + " backend=" + backendName + " version=" + serverVersion + " (wire " + version.getWireVersion() + ")"
                + (file != null ? " file=" + file : ""));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("MongoWireServer shutting down");
            server.shutdownNow();
        }));
        Thread.currentThread().join();
    }

    /** 4.4 is not one of mongo-java-server's constants: a MongoVersion reporting wire version 9. */
    private static MongoVersion reportedVersion(String v) {
        switch (v) {
            case "4.4":
                return new MongoVersion() {
                    @Override public List<Integer> getVersionArray() { return List.of(4, 4, 0); }
                    @Override public int getWireVersion() { return 9; }
                };
            case "5.0": return ServerVersion.MONGO_5_0;
            case "4.0": return ServerVersion.MONGO_4_0;
            case "3.6": return ServerVersion.MONGO_3_6;
            default:
                System.err.println("unknown --server-version " + v + " (4.4|5.0|4.0|3.6)");
                System.exit(2);
                return null;
        }
    }

    private static String require(String flag, String value) {
        if (value == null) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return value;
    }
}

package jp.kenpo.privacy.cli;

import java.util.concurrent.Callable;
import jp.kenpo.privacy.KenpoApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Starts the service (REST API under /api/v1) on the configured database.")
final class ServeCommand implements Callable<Integer> {

    /** Returned when the web server runs on after the command returns. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Option(
            names = "--port",
            description = "TCP port (default: ${DEFAULT-VALUE}, or KENPO_PORT)",
            defaultValue = "${env:KENPO_PORT:-8080}")
    int port;

    @Option(
            names = "--address",
            description = "address to listen on (default: ${DEFAULT-VALUE}, or KENPO_ADDRESS)",
            defaultValue = "${env:KENPO_ADDRESS:-127.0.0.1}")
    String address;

    @Override
    public Integer call() {
        var app = new SpringApplication(KenpoApplication.class);
        app.run("--server.port=" + port, "--server.address=" + address);
        return KEEP_RUNNING;
    }
}

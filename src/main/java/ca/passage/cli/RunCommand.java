package ca.passage.cli;

import ca.passage.app.Gateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.CountDownLatch;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the gateway until stopped (Ctrl-C drains and stops).")
public final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        Gateway gateway = new Gateway(config.settings());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "passage-shutdown"));
        gateway.start();
        stopped.await();
        return 0;
    }
}

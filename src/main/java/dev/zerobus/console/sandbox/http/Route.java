package dev.zerobus.console.sandbox.http;

import java.io.IOException;
import java.util.regex.Pattern;

/** A method and a path pattern (with named groups) bound to a handler. */
public record Route(String method, Pattern path, Handler handler) {
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchangeContext request) throws IOException;
    }

    public static Route of(String method, String regex, Handler handler) {
        return new Route(method, Pattern.compile(regex), handler);
    }
}

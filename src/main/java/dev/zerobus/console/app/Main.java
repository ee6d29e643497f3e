package dev.zerobus.console.app;

public final class Main {
    public static void main(String[] args) {
    }
}

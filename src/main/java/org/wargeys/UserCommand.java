package org.wargeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.wargeys.account.AccountService;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Config;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wargeys user …}: newsroom accounts from the terminal (the first administrator above all):
 * add, reset-password, set-role, disable, enable.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage newsroom accounts.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ResetPassword.class,
            UserCommand.SetRole.class,
            UserCommand.Disable.class,
            UserCommand.Enable.class
        })
final class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Create an account. The password is read from the first line of standard input with "
                    + "--password-stdin; otherwise a random one-time password is generated and printed once.")
    static final class Add implements Callable<Integer> {

        @CommandLine.Mixin
        Wargeys.SiteOptions site = new Wargeys.SiteOptions();

        @Option(names = "--role", required = true, description = "admin (administrator), editor, author or translator")
        String role;

        @Option(names = "--name", description = "The name shown in the newsroom (default: the email)")
        String name;

        @Option(
                names = "--languages",
                split = ",",
                description = "For translators: the languages they translate into, e.g. so,ar")
        String[] languages = new String[0];

        @Option(names = "--password-stdin", description = "Read the password from standard input")
        boolean passwordStdin;

        @Parameters(paramLabel = "EMAIL")
        String email;

        // Streams are fields so that a test can run the command on its own streams.
        java.io.InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;

        @Override
        public Integer call() {
            Config config;
            Role parsed;
            try {
                config = site.load(java.util.Map.of());
                parsed = Role.of(role);
            } catch (IllegalArgumentException e) {
                err.println("wargeys: " + e.getMessage());
                return 2;
            }
            String password = null;
            if (passwordStdin) {
                try {
                    password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                } catch (IOException e) {
                    err.println("wargeys: cannot read the password: " + e.getMessage());
                    return 2;
                }
            }
            Set<String> assigned = Arrays.stream(languages)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
            try (CommandWiring wiring = new CommandWiring(config, Clock.systemUTC())) {
                AccountService accounts = wiring.accounts().accounts();
                if (passwordStdin) {
                    var user = accounts.create(email, name, parsed, assigned, password, Actor.TERMINAL);
                    out.println("Created " + user.role().code() + " " + user.email() + ".");
                } else {
                    var created = accounts.createWithOneTimePassword(email, name, parsed, assigned, Actor.TERMINAL);
                    out.println("Created " + created.user().role().code() + " "
                            + created.user().email() + ".");
                    out.println(
                            "One-time password (shown once; it must be replaced at the first sign-in at /admin/login): "
                                    + created.password());
                }
                return 0;
            } catch (ValidationException e) {
                err.println("wargeys: " + Terminal.explain(e));
                return 1;
            }
        }
    }

    @Command(
            name = "reset-password",
            mixinStandardHelpOptions = true,
            description = "Give an account a new one-time password (printed once) and sign it out everywhere.")
    static final class ResetPassword extends AccountChange {

        @Override
        String change(AccountService accounts, User user) {
            var reset = accounts.resetWithOneTimePassword(user.email(), Actor.TERMINAL);
            return "New one-time password for " + reset.user().email() + " (shown once; it must be replaced at the"
                    + " next sign-in at /admin/login): " + reset.password() + System.lineSeparator()
                    + "Every session of the account was ended.";
        }
    }

    /**
     * The shape of the commands that change one existing account: load the site, find the account,
     * change it, print one line; errors are one line on standard error and a non-zero exit code.
     */
    abstract static class AccountChange implements Callable<Integer> {

        @CommandLine.Mixin
        Wargeys.SiteOptions site = new Wargeys.SiteOptions();

        @Parameters(index = "0", paramLabel = "EMAIL")
        String email;

        abstract String change(AccountService accounts, User user);

        /** Checks the arguments before the database is opened; throws IllegalArgumentException. */
        void check() {}

        @Override
        public Integer call() {
            Config config;
            try {
                config = site.load(java.util.Map.of());
                check();
            } catch (IllegalArgumentException e) {
                System.err.println("wargeys: " + e.getMessage());
                return 2;
            }
            try (CommandWiring wiring = new CommandWiring(config, Clock.systemUTC())) {
                AccountService accounts = wiring.accounts().accounts();
                System.out.println(change(accounts, accounts.require(email)));

                return 0;
            } catch (ValidationException | ConflictException e) {
                System.err.println("wargeys: " + Terminal.explain(e));
                return 1;
            }
        }
    }

    @Command(
            name = "set-role",
            mixinStandardHelpOptions = true,
            description = "Give an account another role; it applies from the account's next request.")
    static final class SetRole extends AccountChange {

        @Parameters(
                index = "1",
                paramLabel = "ROLE",
                description = "admin (administrator), editor, author or translator")
        String role;

        @Option(
                names = "--languages",
                split = ",",
                description = "For translators: the languages they translate into, e.g. so,ar")
        String[] languages = new String[0];

        @Override
        void check() {
            Role.of(role);
        }

        @Override
        String change(AccountService accounts, User user) {
            Set<String> assigned = Arrays.stream(languages)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
            User changed = accounts.changeRole(user.id(), Role.of(role), assigned, Actor.TERMINAL);
            return changed.email() + " is now " + changed.role().code()
                    + (changed.languages().isEmpty()
                            ? ""
                            : " (" + String.join(",", new java.util.TreeSet<>(changed.languages())) + ")")
                    + ".";
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description =
                    "Disable an account (someone left): it is signed out everywhere and cannot sign in; its articles stay.")
    static final class Disable extends AccountChange {
        @Override
        String change(AccountService accounts, User user) {
            accounts.disable(user.id(), Actor.TERMINAL);
            return "Disabled " + user.email()
                    + (user.disabled() ? " (it already was)." : "; it is signed out everywhere.");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled account sign in again.")
    static final class Enable extends AccountChange {
        @Override
        String change(AccountService accounts, User user) {
            accounts.enable(user.id(), Actor.TERMINAL);
            return "Enabled " + user.email() + (user.active() ? " (it already was)." : ".");
        }
    }
}

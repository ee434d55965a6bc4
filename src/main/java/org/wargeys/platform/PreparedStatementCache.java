package org.wargeys.platform;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the prepared statements of one long-lived handle for reuse, by SQL text: a bulk load runs the
 * same dozen statements a million times, and preparing each anew was the largest native cost of an
 * import (issue 20). A statement in use is not handed out twice (a nested use prepares another);
 * everything is closed with the handle. Install with {@link #on(Handle)}. Not thread-safe, like a handle.
 */
public final class PreparedStatementCache implements StatementBuilder {

    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Map<String, ArrayDeque<PreparedStatement>> idle = new HashMap<>();
    // The SQL each statement in use was prepared with: Jdbi closes a statement naming the SQL as
    // written (":id"), not as prepared ("?").
    private final Map<Statement, String> inUse = new java.util.IdentityHashMap<>();

    private PreparedStatementCache() {}

    /** Makes the handle reuse its prepared statements until it is closed; returns the handle. */
    public static Handle on(Handle handle) {
        return handle.setStatementBuilder(new PreparedStatementCache());
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) return plain.create(conn, sql, ctx);
        ArrayDeque<PreparedStatement> ready = idle.get(sql);
        PreparedStatement statement = ready == null ? null : ready.poll();
        if (statement == null) statement = plain.create(conn, sql, ctx);
        inUse.put(statement, sql);
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement statement) throws SQLException {
        String prepared = inUse.remove(statement);
        if (prepared != null && !statement.isClosed()) {
            ((PreparedStatement) statement).clearParameters();
            idle.computeIfAbsent(prepared, k -> new ArrayDeque<>()).push((PreparedStatement) statement);
        } else {
            plain.close(conn, sql, statement);
        }
    }

    @Override
    public void close(Connection conn) {
        inUse.clear();
        for (var statements : idle.values()) {
            for (PreparedStatement statement : statements) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // Closing the connection closes it too.
                }
            }
        }
        idle.clear();
    }
}

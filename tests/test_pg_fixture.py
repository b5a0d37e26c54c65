def test_pg_fixture_gives_an_empty_database(pg_dsn):
    import psycopg

    with psycopg.connect(pg_dsn) as conn:
        n = conn.execute("select count(*) from information_schema.tables where table_schema = 'public'").fetchone()[0]
    assert n == 0

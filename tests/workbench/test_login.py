"""Workbench login: session, lock-out, and the way back to where one was going."""


def login(client, username="clerk", password="zwgk-demo-2026", **extra):
    return client.post("/workbench/login/", {"username": username, "password": password}, **extra)


def test_anonymous_visitors_are_sent_to_login(client, demo):
    response = client.get("/workbench/")
    assert response.status_code == 302 and response["Location"].startswith("/workbench/login/")


def test_clerk_logs_in_and_sees_the_todo_list(client, demo):
    assert login(client)["Location"] == "/workbench/"
    assert "我的待办" in client.get("/workbench/").content.decode()


def test_wrong_password_says_so(client, demo):
    response = login(client, password="nope")
    assert response.status_code == 401 and "用户名或密码错误。" in response.content.decode()


def test_locked_out_after_five_failures(client, demo):
    for _ in range(5):
        login(client, password="nope")
    response = login(client)
    assert "锁定" in response.content.decode()


def test_empty_fields_are_named(client, demo):
    html = client.post("/workbench/login/", {"username": "", "password": ""}).content.decode()
    assert "这个字段是必填项" in html

package io.computeclearing.testsupport.fuzz;

import io.restassured.response.Response;

/** What the service answered: its status, media type and body. */
record FuzzAnswer(int status, String contentType, String body) {

    static FuzzAnswer of(Response response) {
        return new FuzzAnswer(response.statusCode(), response.contentType(), response.asString());
    }
}

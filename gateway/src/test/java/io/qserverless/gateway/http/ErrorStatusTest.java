package io.qserverless.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.gateway.error.ConflictException;
import io.qserverless.gateway.error.FunctionDisabledException;
import io.qserverless.gateway.error.InvalidArgumentsException;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.JobLimitException;
import io.qserverless.gateway.error.NotAllowedException;
import io.qserverless.gateway.error.NotFoundException;
import io.qserverless.gateway.error.RequestRefusedException;
import io.qserverless.gateway.error.TooLargeException;
import io.qserverless.gateway.error.UnauthenticatedException;
import io.qserverless.gateway.error.UpstreamFailedException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The failure → status table, row by row against the "Errors" section of API.md. */
class ErrorStatusTest {

  static Stream<Arguments> apiMd() {
    return Stream.of(
        Arguments.of((Function<String, RequestRefusedException>) InvalidInputException::new, 400),
        Arguments.of(
            (Function<String, RequestRefusedException>)
                m -> new InvalidArgumentsException(m, java.util.List.of()),
            400),
        Arguments.of(
            (Function<String, RequestRefusedException>) UnauthenticatedException::new, 401),
        Arguments.of((Function<String, RequestRefusedException>) NotAllowedException::new, 403),
        Arguments.of((Function<String, RequestRefusedException>) NotFoundException::new, 404),
        Arguments.of((Function<String, RequestRefusedException>) ConflictException::new, 409),
        Arguments.of((Function<String, RequestRefusedException>) TooLargeException::new, 413),
        Arguments.of(
            (Function<String, RequestRefusedException>) FunctionDisabledException::new, 423),
        Arguments.of((Function<String, RequestRefusedException>) JobLimitException::new, 429),
        Arguments.of(
            (Function<String, RequestRefusedException>) UpstreamFailedException::new, 502));
  }

  @ParameterizedTest
  @MethodSource("apiMd")
  void each_failure_kind_answers_the_status_api_md_gives_it(
      Function<String, RequestRefusedException> make, int status) {
    assertThat(ErrorStatus.of(make.apply("m"))).isEqualTo(status);
  }

  @Test
  void every_kind_of_gateway_failure_has_a_row() {
    assertThat(ErrorStatus.TABLE.keySet().stream().map(Class::getName))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RequestRefusedException.class.getPermittedSubclasses())
                .map(Class::getName)
                .toList());
  }
}

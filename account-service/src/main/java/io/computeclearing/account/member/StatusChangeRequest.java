package io.computeclearing.account.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a suspend or reinstate request: why, for the record and the published event. */
public record StatusChangeRequest(@NotBlank @Size(max = 500) String reason) {
}

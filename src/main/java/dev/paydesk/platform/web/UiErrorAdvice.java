package dev.paydesk.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Readable error pages for domain exceptions that escape a UI controller. */
@ControllerAdvice(annotations = Controller.class)
class UiErrorAdvice {

    private final org.springframework.context.support.MessageSourceAccessor texts;

    UiErrorAdvice(org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("error", texts.getMessage("error.notFound"));
        return "error";
    }

    /** Input a form sent that the domain or the input guard refused: a 400 page naming the field. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("error", e.field() + ": " + e.getMessage());
        return "error";
    }

    /** A form value of the wrong kind (a date, a number, a choice) or a missing one. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badParameter(Exception e, Model model) {
        String field = switch (e) {
            case MethodArgumentTypeMismatchException m -> m.getName();
            case MissingServletRequestParameterException m -> m.getParameterName();
            default -> "form";
        };
        model.addAttribute("status", 400);
        model.addAttribute("error", field + ": " + texts.getMessage(e instanceof MissingServletRequestParameterException
                ? "error.value.required" : "error.value.invalid"));
        return "error";
    }

    /** A form or filter record that could not be bound: the first field named, as for a single parameter. */
    @ExceptionHandler(org.springframework.validation.BindException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unbound(org.springframework.validation.BindException e, Model model) {
        var error = e.getFieldError();
        model.addAttribute("status", 400);
        model.addAttribute("error", (error == null ? "form" : error.getField()) + ": "
                + texts.getMessage(error != null && error.isBindingFailure() ? "error.value.invalid" : "error.value.required"));
        return "error";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("error", e.getMessage());
        return "error";
    }
}

import { A } from '@solidjs/router';
import type { Component } from 'solid-js';

export const NotFoundPage: Component = () => (
  <section class="page empty-page">
    <h1>Page not found</h1>
    <p class="muted">There is nothing at this address.</p>
    <A href="/" class="button button--primary">
      Back to the portfolio
    </A>
  </section>
);
